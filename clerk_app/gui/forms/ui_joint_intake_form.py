# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'joint_intake_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget, QTableWidget, QVBoxLayout, QWidget)

class Ui_JointIntakeForm(object):
    def setupUi(self, jointIntakeDialog):
        if not jointIntakeDialog.objectName():
            jointIntakeDialog.setObjectName(u"jointIntakeDialog")
        jointIntakeDialog.resize(900, 820)
        self.outerLayout = QVBoxLayout(jointIntakeDialog)
        self.outerLayout.setObjectName(u"outerLayout")
        self.jointHeader = QLabel(jointIntakeDialog)
        self.jointHeader.setObjectName(u"jointHeader")
        self.jointHeader.setWordWrap(True)

        self.outerLayout.addWidget(self.jointHeader)

        self.jointScroll = QScrollArea(jointIntakeDialog)
        self.jointScroll.setObjectName(u"jointScroll")
        self.jointScroll.setWidgetResizable(True)
        self.jointScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.jointBody = QWidget()
        self.jointBody.setObjectName(u"jointBody")
        self.bodyLayout = QVBoxLayout(self.jointBody)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.jointProjectBox = QGroupBox(self.jointBody)
        self.jointProjectBox.setObjectName(u"jointProjectBox")
        self.projectLayout = QFormLayout(self.jointProjectBox)
        self.projectLayout.setObjectName(u"projectLayout")
        self.typeCaption = QLabel(self.jointProjectBox)
        self.typeCaption.setObjectName(u"typeCaption")

        self.projectLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.typeCaption)

        self.jointProjectType = QComboBox(self.jointProjectBox)
        self.jointProjectType.setObjectName(u"jointProjectType")

        self.projectLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.jointProjectType)

        self.codeCaption = QLabel(self.jointProjectBox)
        self.codeCaption.setObjectName(u"codeCaption")

        self.projectLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeCaption)

        self.jointProjectCode = QLineEdit(self.jointProjectBox)
        self.jointProjectCode.setObjectName(u"jointProjectCode")
        self.jointProjectCode.setMaxLength(30)
        self.jointProjectCode.setPlaceholderText(u"2026-130502-48-01-000123")

        self.projectLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.jointProjectCode)

        self.jointCodeMessage = QLabel(self.jointProjectBox)
        self.jointCodeMessage.setObjectName(u"jointCodeMessage")
        self.jointCodeMessage.setWordWrap(True)

        self.projectLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.jointCodeMessage)


        self.bodyLayout.addWidget(self.jointProjectBox)

        self.jointApplicantBox = QGroupBox(self.jointBody)
        self.jointApplicantBox.setObjectName(u"jointApplicantBox")
        self.applicantLayout = QVBoxLayout(self.jointApplicantBox)
        self.applicantLayout.setObjectName(u"applicantLayout")
        self.kindLayout = QHBoxLayout()
        self.kindLayout.setObjectName(u"kindLayout")
        self.jointPersonRadio = QRadioButton(self.jointApplicantBox)
        self.jointPersonRadio.setObjectName(u"jointPersonRadio")

        self.kindLayout.addWidget(self.jointPersonRadio)

        self.jointOrgRadio = QRadioButton(self.jointApplicantBox)
        self.jointOrgRadio.setObjectName(u"jointOrgRadio")

        self.kindLayout.addWidget(self.jointOrgRadio)

        self.kindStretch = QSpacerItem(40, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindLayout.addItem(self.kindStretch)


        self.applicantLayout.addLayout(self.kindLayout)

        self.jointApplicantStack = QStackedWidget(self.jointApplicantBox)
        self.jointApplicantStack.setObjectName(u"jointApplicantStack")
        self.jointPersonPage = QWidget()
        self.jointPersonPage.setObjectName(u"jointPersonPage")
        self.personGrid = QGridLayout(self.jointPersonPage)
        self.personGrid.setObjectName(u"personGrid")
        self.personGrid.setHorizontalSpacing(10)
        self.personGrid.setVerticalSpacing(4)
        self.personGrid.setContentsMargins(0, 0, 0, 0)
        self.jointApplicantNameCaption = QLabel(self.jointPersonPage)
        self.jointApplicantNameCaption.setObjectName(u"jointApplicantNameCaption")

        self.personGrid.addWidget(self.jointApplicantNameCaption, 0, 0, 1, 1)

        self.jointApplicantNameEdit = QLineEdit(self.jointPersonPage)
        self.jointApplicantNameEdit.setObjectName(u"jointApplicantNameEdit")
        self.jointApplicantNameEdit.setMaxLength(50)

        self.personGrid.addWidget(self.jointApplicantNameEdit, 0, 1, 1, 2)

        self.jointApplicantTypeCaption = QLabel(self.jointPersonPage)
        self.jointApplicantTypeCaption.setObjectName(u"jointApplicantTypeCaption")

        self.personGrid.addWidget(self.jointApplicantTypeCaption, 1, 0, 1, 1)

        self.jointApplicantTypeCombo = QComboBox(self.jointPersonPage)
        self.jointApplicantTypeCombo.setObjectName(u"jointApplicantTypeCombo")

        self.personGrid.addWidget(self.jointApplicantTypeCombo, 1, 1, 1, 2)

        self.jointApplicantIdCaption = QLabel(self.jointPersonPage)
        self.jointApplicantIdCaption.setObjectName(u"jointApplicantIdCaption")

        self.personGrid.addWidget(self.jointApplicantIdCaption, 2, 0, 1, 1)

        self.personIdLayout = QHBoxLayout()
        self.personIdLayout.setObjectName(u"personIdLayout")
        self.jointApplicantIdEdit = QLineEdit(self.jointPersonPage)
        self.jointApplicantIdEdit.setObjectName(u"jointApplicantIdEdit")

        self.personIdLayout.addWidget(self.jointApplicantIdEdit)

        self.jointApplicantDerivedLabel = QLabel(self.jointPersonPage)
        self.jointApplicantDerivedLabel.setObjectName(u"jointApplicantDerivedLabel")

        self.personIdLayout.addWidget(self.jointApplicantDerivedLabel)

        self.personIdLayout.setStretch(1, 1)

        self.personGrid.addLayout(self.personIdLayout, 2, 1, 1, 2)

        self.jointApplicantIdMessage = QLabel(self.jointPersonPage)
        self.jointApplicantIdMessage.setObjectName(u"jointApplicantIdMessage")
        self.jointApplicantIdMessage.setWordWrap(True)

        self.personGrid.addWidget(self.jointApplicantIdMessage, 3, 1, 1, 2)

        self.jointApplicantPhoneCaption = QLabel(self.jointPersonPage)
        self.jointApplicantPhoneCaption.setObjectName(u"jointApplicantPhoneCaption")

        self.personGrid.addWidget(self.jointApplicantPhoneCaption, 4, 0, 1, 1)

        self.jointApplicantPhoneEdit = QLineEdit(self.jointPersonPage)
        self.jointApplicantPhoneEdit.setObjectName(u"jointApplicantPhoneEdit")

        self.personGrid.addWidget(self.jointApplicantPhoneEdit, 4, 1, 1, 2)

        self.jointApplicantPhoneMessage = QLabel(self.jointPersonPage)
        self.jointApplicantPhoneMessage.setObjectName(u"jointApplicantPhoneMessage")
        self.jointApplicantPhoneMessage.setWordWrap(True)

        self.personGrid.addWidget(self.jointApplicantPhoneMessage, 5, 1, 1, 2)

        self.personGrid.setColumnStretch(1, 1)
        self.jointApplicantStack.addWidget(self.jointPersonPage)
        self.jointOrgPage = QWidget()
        self.jointOrgPage.setObjectName(u"jointOrgPage")
        self.orgGrid = QGridLayout(self.jointOrgPage)
        self.orgGrid.setObjectName(u"orgGrid")
        self.orgGrid.setContentsMargins(0, 0, 0, 0)
        self.orgNameCaption = QLabel(self.jointOrgPage)
        self.orgNameCaption.setObjectName(u"orgNameCaption")

        self.orgGrid.addWidget(self.orgNameCaption, 0, 0, 1, 1)

        self.jointOrgName = QLineEdit(self.jointOrgPage)
        self.jointOrgName.setObjectName(u"jointOrgName")

        self.orgGrid.addWidget(self.jointOrgName, 0, 1, 1, 1)

        self.creditCodeCaption = QLabel(self.jointOrgPage)
        self.creditCodeCaption.setObjectName(u"creditCodeCaption")

        self.orgGrid.addWidget(self.creditCodeCaption, 1, 0, 1, 1)

        self.jointCreditCode = QLineEdit(self.jointOrgPage)
        self.jointCreditCode.setObjectName(u"jointCreditCode")
        self.jointCreditCode.setMaxLength(18)

        self.orgGrid.addWidget(self.jointCreditCode, 1, 1, 1, 1)

        self.jointCreditMessage = QLabel(self.jointOrgPage)
        self.jointCreditMessage.setObjectName(u"jointCreditMessage")
        self.jointCreditMessage.setWordWrap(True)

        self.orgGrid.addWidget(self.jointCreditMessage, 2, 1, 1, 1)

        self.jointCreditConfirm = QCheckBox(self.jointOrgPage)
        self.jointCreditConfirm.setObjectName(u"jointCreditConfirm")

        self.orgGrid.addWidget(self.jointCreditConfirm, 3, 1, 1, 1)

        self.legalRepCaption = QLabel(self.jointOrgPage)
        self.legalRepCaption.setObjectName(u"legalRepCaption")

        self.orgGrid.addWidget(self.legalRepCaption, 4, 0, 1, 1)

        self.jointLegalRep = QLineEdit(self.jointOrgPage)
        self.jointLegalRep.setObjectName(u"jointLegalRep")

        self.orgGrid.addWidget(self.jointLegalRep, 4, 1, 1, 1)

        self.contactNameCaption = QLabel(self.jointOrgPage)
        self.contactNameCaption.setObjectName(u"contactNameCaption")

        self.orgGrid.addWidget(self.contactNameCaption, 5, 0, 1, 1)

        self.jointContactName = QLineEdit(self.jointOrgPage)
        self.jointContactName.setObjectName(u"jointContactName")

        self.orgGrid.addWidget(self.jointContactName, 5, 1, 1, 1)

        self.contactPhoneCaption = QLabel(self.jointOrgPage)
        self.contactPhoneCaption.setObjectName(u"contactPhoneCaption")

        self.orgGrid.addWidget(self.contactPhoneCaption, 6, 0, 1, 1)

        self.jointContactPhone = QLineEdit(self.jointOrgPage)
        self.jointContactPhone.setObjectName(u"jointContactPhone")

        self.orgGrid.addWidget(self.jointContactPhone, 6, 1, 1, 1)

        self.jointPhoneMessage = QLabel(self.jointOrgPage)
        self.jointPhoneMessage.setObjectName(u"jointPhoneMessage")

        self.orgGrid.addWidget(self.jointPhoneMessage, 7, 1, 1, 1)

        self.jointApplicantStack.addWidget(self.jointOrgPage)

        self.applicantLayout.addWidget(self.jointApplicantStack)


        self.bodyLayout.addWidget(self.jointApplicantBox)

        self.jointAgentBox = QGroupBox(self.jointBody)
        self.jointAgentBox.setObjectName(u"jointAgentBox")
        self.jointAgentBox.setCheckable(True)
        self.jointAgentBox.setChecked(False)
        self.agentLayout = QVBoxLayout(self.jointAgentBox)
        self.agentLayout.setObjectName(u"agentLayout")

        self.bodyLayout.addWidget(self.jointAgentBox)

        self.jointMaterialsBox = QGroupBox(self.jointBody)
        self.jointMaterialsBox.setObjectName(u"jointMaterialsBox")
        self.materialsLayout = QVBoxLayout(self.jointMaterialsBox)
        self.materialsLayout.setObjectName(u"materialsLayout")
        self.materialsCaption = QLabel(self.jointMaterialsBox)
        self.materialsCaption.setObjectName(u"materialsCaption")

        self.materialsLayout.addWidget(self.materialsCaption)

        self.jointMaterials = QTableWidget(self.jointMaterialsBox)
        self.jointMaterials.setObjectName(u"jointMaterials")

        self.materialsLayout.addWidget(self.jointMaterials)

        self.jointAllMaterials = QPushButton(self.jointMaterialsBox)
        self.jointAllMaterials.setObjectName(u"jointAllMaterials")

        self.materialsLayout.addWidget(self.jointAllMaterials, 0, Qt.AlignmentFlag.AlignLeft)


        self.bodyLayout.addWidget(self.jointMaterialsBox)

        self.jointPartsHost = QWidget(self.jointBody)
        self.jointPartsHost.setObjectName(u"jointPartsHost")
        self.partsLayout = QVBoxLayout(self.jointPartsHost)
        self.partsLayout.setObjectName(u"partsLayout")
        self.partsLayout.setContentsMargins(0, 0, 0, 0)
        self.partsStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.partsLayout.addItem(self.partsStretch)


        self.bodyLayout.addWidget(self.jointPartsHost)

        self.bodyStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.bodyLayout.addItem(self.bodyStretch)

        self.jointScroll.setWidget(self.jointBody)

        self.outerLayout.addWidget(self.jointScroll)

        self.jointMissing = QLabel(jointIntakeDialog)
        self.jointMissing.setObjectName(u"jointMissing")
        self.jointMissing.setWordWrap(True)

        self.outerLayout.addWidget(self.jointMissing)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsStretch = QSpacerItem(40, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsStretch)

        self.jointAccept = QPushButton(jointIntakeDialog)
        self.jointAccept.setObjectName(u"jointAccept")
        self.jointAccept.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.jointAccept)

        self.jointCancel = QPushButton(jointIntakeDialog)
        self.jointCancel.setObjectName(u"jointCancel")
        self.jointCancel.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.jointCancel)


        self.outerLayout.addLayout(self.buttonsLayout)

        self.outerLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.typeCaption.setBuddy(self.jointProjectType)
        self.codeCaption.setBuddy(self.jointProjectCode)
        self.jointApplicantNameCaption.setBuddy(self.jointApplicantNameEdit)
        self.jointApplicantTypeCaption.setBuddy(self.jointApplicantTypeCombo)
        self.jointApplicantIdCaption.setBuddy(self.jointApplicantIdEdit)
        self.jointApplicantPhoneCaption.setBuddy(self.jointApplicantPhoneEdit)
        self.orgNameCaption.setBuddy(self.jointOrgName)
        self.creditCodeCaption.setBuddy(self.jointCreditCode)
        self.legalRepCaption.setBuddy(self.jointLegalRep)
        self.contactNameCaption.setBuddy(self.jointContactName)
        self.contactPhoneCaption.setBuddy(self.jointContactPhone)
        self.materialsCaption.setBuddy(self.jointMaterials)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(jointIntakeDialog)

        self.jointApplicantStack.setCurrentIndex(1)


        QMetaObject.connectSlotsByName(jointIntakeDialog)
    # setupUi

    def retranslateUi(self, jointIntakeDialog):
#if QT_CONFIG(accessibility)
        self.jointScroll.setAccessibleName(QCoreApplication.translate("JointIntakeForm", u"Joint intake", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

